/**
 * Types for the readerable check alone. Importing it by its file, not from the package index, keeps
 * the full Readability parser (~90 KB) out of the content bundle.
 */
declare module '@mozilla/readability/Readability-readerable' {
  export default function isProbablyReaderable(
    document: Document,
    options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean },
  ): boolean;
}
