// natural's main entry prints to stdout at import (dotenv in its storage adapters), so the
// benchmark imports the one module it compares against by path (natural is a dev dependency).
declare module 'natural/lib/natural/tfidf/tfidf.js' {
  class TfIdf {
    addDocument(document: string | string[], key?: string): void;
    tfidfs(
      terms: string | string[],
      callback?: (index: number, measure: number, key?: string) => void,
    ): number[];
  }
  export default TfIdf;
}
