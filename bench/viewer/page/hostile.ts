/** Messages that must render as inert, truthful text: markup, escapes, direction overrides, huge and malformed ones. */
export const HOSTILE_MESSAGES: readonly string[] = [
  '<img src=x onerror="window.hostileRan = true"> <script>window.hostileRan = true</script>',
  'invoice \u202Egpj.exe — direction override',
  '\x1b[31mred\x1b[0m \x1b[1;32mbold green\x1b[0m \x1b[38;5;208m256-colour\x1b[0m \x1b[38;2;10;120;250mtruecolor\x1b[0m \x1b[2Jclear-screen',
  `Z${'\u0336\u0334\u0337'.repeat(60)}algo combining marks`,
  `no spaces ${'x'.repeat(100_000)}`,
  Array.from({ length: 3000 }, (_, i) => `line ${i} of a very long stack trace`).join('\n'),
  `256 KB ${'abcdefghij'.repeat(26_214)}`,
  'bad bytes \uFFFD\uFFFD and hidden\u200B\u200Dzero-width\uFEFF characters',
  '{"level":"error","msg":"json message","http":{"status":503,"path":"/api"},"tags":["a","b"]}',
];
