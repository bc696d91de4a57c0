// The small part of nlp.js (which ships no types) that the intent classifier uses.
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Promise<NlpContainer>;
}

declare module '@nlpjs/nlp' {
  export interface NlpResult {
    intent: string;
    score: number;
  }
  export class Nlp {
    constructor(settings: { container: import('@nlpjs/core').NlpContainer; languages: string[]; autoSave: boolean; nlu: { log: boolean } });
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    export(minified?: boolean): string;
    import(data: string): void;
  }
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
