// natural's main entry prints to stdout at import (dotenv in its storage adapters), so the
// matcher imports single modules by path; these declare the two it uses.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
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
