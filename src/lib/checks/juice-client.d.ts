/** juice's browser-safe entry (cheerio-based, no file system); its package declares only `juice`. */
declare module 'juice/client' {
  const juice: (html: string, options?: Record<string, unknown>) => string;
  export default juice;
}
