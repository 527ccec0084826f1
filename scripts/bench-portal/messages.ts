/** What the bench and the processes it forks say to each other over IPC. */
export type ParentMessage = { type: 'statements' } | { type: 'stop' };
export type PortalMessage =
  | { type: 'ready'; url: string }
  /**
   * How many statements so far, the texts of the last few (for `--show-sql`), and the CPU time the
   * portal process has used so far, in microseconds (user and system).
   */
  | { type: 'statements'; count: number; recent: string[]; cpuMicros: number };
