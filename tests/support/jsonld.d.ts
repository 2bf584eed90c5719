/** Types for the jsonld library (it ships none): the one call the tests make. */
declare module "jsonld" {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  const jsonld: {
    expand(input: object, options?: { documentLoader?: (url: string) => Promise<RemoteDocument>; safe?: boolean }): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}
