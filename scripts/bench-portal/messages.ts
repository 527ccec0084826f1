/** What the bench and the processes it forks say to each other over IPC. */
export type ParentMessage = { type: 'statements' } | { type: 'stop' };
export type PortalMessage = { type: 'ready'; url: string } | { type: 'statements'; count: number };
