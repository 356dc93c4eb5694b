/** Types for Readability's readerable check, which the tests hold isProbablyReadable against. */
declare module '@mozilla/readability/Readability-readerable' {
  export default function isProbablyReaderable(
    document: Document,
    options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean },
  ): boolean;
}
