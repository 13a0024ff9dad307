/**
 * The test page's entry: mounts Harness.svelte, which renders HtmlPreview components for the
 * messages a test hands it through `window.previewHarness`.
 */
import { mount } from 'svelte';
import Harness from './Harness.svelte';
import '../../../src/app.css';

const target = document.getElementById('harness');
if (!target) throw new Error('The test page needs an element with id "harness".');
mount(Harness, { target });
