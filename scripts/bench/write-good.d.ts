declare module 'write-good' {
  /** write-good's suggestions for a text (the JavaScript origin of Vale's write-good style). */
  const writeGood: (text: string) => { index: number; offset: number; reason: string }[];
  export default writeGood;
}
