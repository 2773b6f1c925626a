// Contrast of every visible text node inside an element with a `cb-` class.
// The foreground is the text's computed colour, the background the computed
// background colours of its ancestors composited from the page canvas up (gradients
// and images are not seen: none of the four themes puts one behind text), and
// opacity on any ancestor is applied to the text. Returns the nodes below `minimum`.
(minimum) => {
  const parse = (value) => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = (c) => {
    const channel = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // both walk up the tree; memoised per element, since siblings share ancestors
  const backgrounds = new Map();
  const background = (element) => {
    if (!element) return { r: 255, g: 255, b: 255, a: 1 };  // the canvas
    if (!backgrounds.has(element)) {
      const colour = parse(getComputedStyle(element).backgroundColor);
      const below = colour && colour.a >= 1 ? null : background(element.parentElement);
      backgrounds.set(element, colour && colour.a > 0 ? (below ? over(colour, below) : colour) : below);
    }
    return backgrounds.get(element);
  };
  const opacities = new Map();
  const opacity = (element) => {
    if (!element) return 1;
    if (!opacities.has(element)) {
      opacities.set(element, Number(getComputedStyle(element).opacity) * opacity(element.parentElement));
    }
    return opacities.get(element);
  };
  const visible = (element) => {
    const style = getComputedStyle(element);
    if (style.visibility !== "visible" || element.closest(".cb-visually-hidden")) return false;
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && box.right > 0 && box.left < innerWidth;
  };
  const roots = document.querySelectorAll("[class*='cb-']");
  const seen = new Set();
  const failures = [];
  let measured = 0;
  for (const root of roots) {
    if (![...root.classList].some((c) => c.startsWith("cb-"))) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (seen.has(text) || !text.textContent.trim()) continue;
      seen.add(text);
      const element = text.parentElement;
      if (!element || !visible(element)) continue;
      const bg = background(element);
      const fg = parse(getComputedStyle(element).color);
      const shown = over({ ...fg, a: fg.a * opacity(element) }, bg);
      const value = ratio(shown, bg);
      measured += 1;
      if (value < minimum) {
        const where = element.closest("[class*='cb-']");
        failures.push({
          text: text.textContent.trim().slice(0, 40),
          ratio: Math.round(value * 100) / 100,
          element: `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`,
          within: [...where.classList].filter((c) => c.startsWith("cb-")).join(" "),
          fg: getComputedStyle(element).color,
          bg: `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`,
        });
      }
    }
  }
  return { measured, failures };
}
