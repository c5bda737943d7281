/**
 * The attributes the extractor decides with, read in one pass over an element's attribute object. Scraped
 * pages give every element its own mix of attributes, so direct property reads (`attribs['aria-hidden']`) hit
 * many object shapes and are slow; one for-in pass into a fixed-shape record is about twice as fast.
 */

/** Attributes read per element; undefined when absent. */
export interface ElementAttrs {
  class: string | undefined;
  id: string | undefined;
  style: string | undefined;
  hidden: string | undefined;
  ariaHidden: string | undefined;
  role: string | undefined;
  itemprop: string | undefined;
  itemtype: string | undefined;
  rel: string | undefined;
  href: string | undefined;
  name: string | undefined;
  open: string | undefined;
}

/** A record with every attribute absent. */
export function emptyAttrs(): ElementAttrs {
  return {
    class: undefined, id: undefined, style: undefined, hidden: undefined, ariaHidden: undefined, role: undefined,
    itemprop: undefined, itemtype: undefined, rel: undefined, href: undefined, name: undefined, open: undefined,
  };
}

/**
 * Fills `into` (reused between elements by its owner, so no allocation per element) from an element's
 * attribute object, and returns it.
 */
export function readAttrs(attribs: Record<string, string>, into: ElementAttrs): ElementAttrs {
  into.class = undefined;
  into.id = undefined;
  into.style = undefined;
  into.hidden = undefined;
  into.ariaHidden = undefined;
  into.role = undefined;
  into.itemprop = undefined;
  into.itemtype = undefined;
  into.rel = undefined;
  into.href = undefined;
  into.name = undefined;
  into.open = undefined;
  for (const key in attribs) {
    switch (key) {
      case 'class': into.class = attribs[key]; break;
      case 'id': into.id = attribs[key]; break;
      case 'style': into.style = attribs[key]; break;
      case 'hidden': into.hidden = attribs[key]; break;
      case 'aria-hidden': into.ariaHidden = attribs[key]; break;
      case 'role': into.role = attribs[key]; break;
      case 'itemprop': into.itemprop = attribs[key]; break;
      case 'itemtype': into.itemtype = attribs[key]; break;
      case 'rel': into.rel = attribs[key]; break;
      case 'href': into.href = attribs[key]; break;
      case 'name': into.name = attribs[key]; break;
      case 'open': into.open = attribs[key]; break;
      default: break;
    }
  }
  return into;
}
