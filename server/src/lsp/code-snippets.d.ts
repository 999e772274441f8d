// snippets/postmortem.code-snippets, bundled by esbuild as JSON (see scripts/build.mjs).
declare module '*.code-snippets' {
  const snippets: Record<string, { prefix: string; body: string[]; description: string }>;
  export default snippets;
}
