// Characters no text needs and XML (so an EPUB) cannot hold: C0 controls but tab and line breaks,
// DEL, and the noncharacters U+FFFE and U+FFFF. A bell or an escape pasted into a manuscript or
// a config; shared by the config's loading and the text's normalization.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
