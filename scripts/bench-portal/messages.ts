/** What the bench and the processes it forks say to each other over IPC. */
export type ParentMessage = { type: 'statements' } | { type: 'stop' };
export type PortalMessage =
  | { type: 'ready'; url: string }
  /** How many statements so far, and the texts of the last few, for `--show-sql`. */
  | { type: 'statements'; count: number; recent: string[] };
