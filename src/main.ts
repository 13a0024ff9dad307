import { mount } from 'svelte';
import App from './App.svelte';
import { applyTheme, theme } from './lib/state/theme.svelte.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('Mailwright needs an element with id "app" to mount into.');

// The theme is set before the first paint, so a dark system never flashes a white page.
applyTheme(document.documentElement, theme.resolved);

export default mount(App, { target });
