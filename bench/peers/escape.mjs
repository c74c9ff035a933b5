// Text made safe to place in HTML or SVG markup, as element content or a
// quoted attribute value.
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const escapeMarkup = (text) => String(text).replace(/[&<>"]/g, (c) => ENTITIES[c]);
