/** The words offices write before an extension number: 0631-5687123 转 8001, ext. 8001, x8001. */
export const EXTENSION_MARKERS = ['转', '分机', 'ext.', 'ext', 'x'] as const;
