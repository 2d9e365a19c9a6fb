import { describe, expect, it } from "vitest";
import { formatWeight, parsePrompt, promptStrength, setWeight } from "./prompt-syntax";

const terms = (p: string) => parsePrompt(p).terms.map((t) => [t.text, t.weight]);
const kinds = (p: string) => parsePrompt(p).issues.map((i) => i.kind);

describe("parsePrompt", () => {
  it("reads explicit weights, emphasis and de-emphasis", () => {
    expect(terms("a (castle:1.3) on a hill")).toEqual([["castle", 1.3]]);
    expect(terms("(sunset)")).toEqual([["sunset", 1.1]]);
    expect(terms("((sunset))")).toEqual([["sunset", 1.21]]);
    expect(terms("[fog]")).toEqual([["fog", 0.909]]);
    expect(terms("[[fog]]")).toEqual([["fog", 0.826]]);
    expect(terms("(castle:0.5)")).toEqual([["castle", 0.5]]);
  });

  it("multiplies nested weights and keeps the outer weight around inner groups", () => {
    expect(terms("((castle:1.5))")).toEqual([["castle", 1.65]]);
    expect(terms("(red (castle:1.2) at dusk)")).toEqual([
      ["red", 1.1],
      ["castle", 1.32],
      ["at dusk", 1.1],
    ]);
    expect(terms("(a [b] c)")).toEqual([
      ["a", 1.1],
      ["c", 1.1],
    ]);
  });

  it("uses the last top-level colon as the weight, and treats other colons as text", () => {
    expect(terms("(ratio 16:9 poster:1.2)")).toEqual([["ratio 16:9 poster", 1.2]]);
    expect(terms("(time: dusk)")).toEqual([["time: dusk", 1.1]]);
  });

  it("marks brackets and weight suffixes as syntax and strips them from the plain text", () => {
    const p = parsePrompt("a (castle:1.3), [fog]");
    expect(p.plain).toBe("a castle, fog");
    expect(p.tokens.filter((t) => t.kind === "syntax").map((t) => t.text)).toEqual(["(", ":1.3)", "[", "]"]);
  });

  it("treats escaped brackets as literal text", () => {
    const p = parsePrompt("logo \\(beta\\) text");
    expect(p.terms).toEqual([]);
    expect(p.issues).toEqual([]);
    expect(p.plain).toBe("logo (beta) text");
  });

  it("always reassembles the exact input from its tokens", () => {
    const samples = ["", "plain words", "((a:1.2) [b]) \\( c", "(((", "a)b]c[d(e", "(x:)", "([)]", "(:1.2)", "\\\\(x)"];
    for (const s of samples) {
      const p = parsePrompt(s);
      expect(p.tokens.map((t) => t.text).join("")).toBe(s);
      for (const t of p.tokens) expect(s.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it("reports unmatched brackets and reads them as plain text", () => {
    expect(kinds("a (castle on a hill")).toEqual(["unclosed"]);
    expect(terms("a (castle on a hill")).toEqual([]);
    expect(kinds("castle) on a hill")).toEqual(["unopened"]);
    expect(kinds("([)]")).toEqual(["unclosed", "empty-group", "unopened"]);
  });

  it("reports empty groups and extreme weights", () => {
    expect(kinds("a () b")).toEqual(["empty-group"]);
    expect(kinds("(castle:2.5)")).toEqual(["extreme-weight"]);
    expect(kinds("(castle:0.2)")).toEqual(["extreme-weight"]);
    expect(kinds("(castle:1.4)")).toEqual([]);
  });

  it("gives term positions that point at the term in the prompt", () => {
    const s = "hello ( big castle :1.2) world";
    const [t] = parsePrompt(s).terms;
    expect(t).toBeDefined();
    expect(s.slice(t!.start, t!.end)).toBe("big castle");
  });
});

describe("promptStrength", () => {
  it("is plain without weights", () => {
    expect(promptStrength(parsePrompt("a castle")).level).toBe("plain");
  });
  it("grades gentle, strong and extreme prompts and names the strongest term", () => {
    expect(promptStrength(parsePrompt("(castle) [fog]")).level).toBe("gentle");
    const strong = promptStrength(parsePrompt("(castle:1.1) (dragon:1.4)"));
    expect(strong.level).toBe("strong");
    expect(strong.top[0]!.text).toBe("dragon");
    expect(strong.summary).toContain("dragon");
    expect(strong.summary).toContain("1.4×");
    const extreme = promptStrength(parsePrompt("(castle:1.8)"));
    expect(extreme.level).toBe("extreme");
    expect(extreme.summary).toMatch(/distort/);
  });
  it("reports the strongest reduction when it dominates", () => {
    const s = promptStrength(parsePrompt("(fog:0.6) (castle:1.1)"));
    expect(s.top[0]!.text).toBe("fog");
    expect(s.summary).toMatch(/reduction/);
    expect(s.minWeight).toBe(0.6);
  });
});

describe("helpers", () => {
  it("formats weights compactly", () => {
    expect(formatWeight(1.21)).toBe("1.21×");
    expect(formatWeight(0.9090909)).toBe("0.91×");
    expect(formatWeight(1.5)).toBe("1.5×");
  });
  it("sets and replaces weights", () => {
    expect(setWeight("castle", 1.2)).toBe("(castle:1.2)");
    expect(setWeight("(castle:1.2)", 1.4)).toBe("(castle:1.4)");
    expect(setWeight("(castle)", 1.3)).toBe("(castle:1.3)");
    expect(setWeight("(castle:1.2)", 1)).toBe("castle");
  });
});
