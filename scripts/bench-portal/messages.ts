/** What the bench and the processes it forks say to each other over IPC. */
export type ParentMessage = { type: 'statements' } | { type: 'stop' };
export type PortalMessage =
  /**
   * The portal listens at `url`. When it seeded the city (an empty database), `city` says how big
   * the city is and how many seconds seeding, indexing and the first suggestions took.
   */
  | {
      type: 'ready';
      url: string;
      city: {
        faculty: number;
        works: number;
        seconds: { seed: number; index: number; suggest: number };
      } | null;
    }
  /**
   * How many statements so far, the texts of the last few (for `--show-sql`), and the CPU time the
   * portal process has used so far, in microseconds (user and system).
   */
  | { type: 'statements'; count: number; recent: string[]; cpuMicros: number };
