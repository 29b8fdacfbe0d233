// Types for the interview recorder's JavaScript API and DOM events.

/** Options of `mount()`, the same as the element's attributes. */
export interface MountOptions {
  /** The candidate's invite token. */
  invite: string;
  /** The API base, such as "https://host/api" (relative URLs resolve against the page). */
  api: string;
  /** A language tag ("en", "es", "ar", "fr", "de", "pt-BR"...); default: the interview's
   * locale, else the browser's languages. */
  lang?: string;
  /** More or replaced translation files, by language: `{ it: "/i18n/it.ftl" }` (URLs relative
   * to the page; the files are `widget/locales/en.ftl` translated). */
  translations?: Record<string, string>;
  /** A built-in theme: "light" (default) or "dark"; customise further with CSS custom properties. */
  theme?: string;
  /** Hide the candidate's own picture while answering (attribute `hide-self-view`). */
  hideSelfView?: boolean;
}

/** A mounted recorder. */
export interface Mounted {
  /** Removes the recorder and releases the camera. */
  unmount(): void;
}

/** Mounts the recorder into an element or a shadow root. */
export function mount(target: Element | ShadowRoot, options: MountOptions): Promise<Mounted>;

/** One question as listed before it is revealed. */
export interface QuestionSummary {
  id: string;
  think_seconds: number;
  answer_seconds: number;
  attempts: number;
  attempts_used: number;
  technical_failures: number;
  revealed: boolean;
  submitted: boolean;
}

/** `ready`: the interview loaded. */
export interface ReadyDetail {
  title: string;
  intro_video?: string;
  deadline?: number;
  locale?: string;
  branding: { company: string; logo_url?: string; accent?: string };
  /** What the candidate is asked to agree to before the camera opens. */
  consent?: { text: string; privacy_url?: string };
  /** The candidate's answer to it, once given (an earlier visit). */
  consent_answer?: ConsentDetail;
  /** The hiring team's contact, shown under every screen. */
  help?: { email?: string; url?: string };
  /** When the team will have reviewed the answers (Unix seconds). */
  review_by?: number;
  /** The candidate's latest request for more time (a granted one moved `deadline`). */
  extension?: ExtensionDetail;
  questions: QuestionSummary[];
}

/** `consent`: the server recorded the candidate's answer to the consent text. */
export interface ConsentDetail {
  agreed: boolean;
  /** Unix milliseconds, the server's clock. */
  at: number;
  /** The sha256 of the text answered. */
  text_sha256: string;
}

/** `extension-requested`: the server keeps the candidate's request for more time. */
export interface ExtensionDetail {
  note: string;
  /** Unix milliseconds, the server's clock. */
  requested_at: number;
  status: 'pending' | 'granted' | 'declined';
  decided_at?: number;
}

/** `question-started`: a question was revealed (its think time runs). */
export interface QuestionStartedDetail {
  question: string;
}

/** `take-uploaded`: every byte of a take was acknowledged by the server. */
export interface TakeUploadedDetail {
  question: string;
  url: string;
  bytes: number;
  sha256: string;
  mime_type: string;
}

/** `completed`: the interview is complete; the server's receipt. */
export interface CompletedDetail {
  title: string;
  completed_at: number;
  answers: { question: string; bytes: number; sha256: string; duration_ms?: number; submitted_at: number }[];
  /** When the team will have reviewed the answers (Unix seconds), if the interview says. */
  review_by?: number;
}

/** `permission-denied` and `error`. */
export interface ErrorDetail {
  /** `already-open`: another recorder (this page, another tab or window) has the invite open. */
  code: 'options' | 'session' | 'media' | 'upload' | 'complete' | 'load-failed' | 'crashed' | 'already-open';
  /** What happened, in English, for integrators (the candidate reads their language). */
  message: string;
  /** The server's stable code when it refused (`invite-invalid`, `deadline-passed`...; see the README). */
  reason?: string;
}

export interface InterviewRecorderEventMap extends HTMLElementEventMap {
  ready: CustomEvent<ReadyDetail>;
  'permission-denied': CustomEvent<ErrorDetail>;
  consent: CustomEvent<ConsentDetail>;
  'extension-requested': CustomEvent<ExtensionDetail>;
  'question-started': CustomEvent<QuestionStartedDetail>;
  'take-uploaded': CustomEvent<TakeUploadedDetail>;
  completed: CustomEvent<CompletedDetail>;
  error: CustomEvent<ErrorDetail>;
}

/** The `<interview-recorder invite api lang theme hide-self-view>` element. */
export interface InterviewRecorderElement extends HTMLElement {
  addEventListener<K extends keyof InterviewRecorderEventMap>(
    type: K,
    listener: (this: InterviewRecorderElement, event: InterviewRecorderEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'interview-recorder': InterviewRecorderElement;
  }
}
