import { describe, expect, it } from "vitest";
import {
  avatarKey,
  avatarPrefix,
  exportKey,
  imagePrefix,
  originalKey,
  uploadKey,
  userPrefix,
  variantKey,
} from "./keys";
import { StorageKeyError } from "./types";
import { assertKey } from "./validate";

const U = "0b8e4c1e-1d2f-4a3b-9c8d-7e6f5a4b3c2d";
const I = "8f14e45f-ceea-867a-a9c8-0e2f1b3d4c5e"; // a v8 id, as stableUuid() makes

describe("object keys", () => {
  it("puts everything a user owns under users/<id>/", () => {
    expect(userPrefix(U)).toBe(`users/${U}/`);
    expect(imagePrefix(U, I)).toBe(`users/${U}/images/${I}/`);
    expect(originalKey(U, I, "png")).toBe(`users/${U}/images/${I}/original.png`);
    expect(variantKey(U, I, "thumb-256.webp")).toBe(`users/${U}/images/${I}/thumb-256.webp`);
    expect(avatarKey(U, 128, 3)).toBe(`users/${U}/avatar/v3-128.webp`);
    expect(avatarPrefix(U)).toBe(`users/${U}/avatar/`);
    expect(uploadKey(U, I, ".JPG")).toBe(`users/${U}/uploads/${I}.jpg`);
    expect(exportKey(U, I)).toBe(`users/${U}/exports/${I}.zip`);
    for (const k of [
      originalKey(U, I, "png"),
      variantKey(U, I, "preview-768.webp"),
      avatarKey(U, 64, 0),
      uploadKey(U, I, "png"),
      exportKey(U, I),
    ]) {
      expect(assertKey(k)).toBe(k);
      expect(k.startsWith(userPrefix(U))).toBe(true);
    }
  });

  it("lower-cases ids so a key matches what PostgreSQL returns", () => {
    expect(originalKey(U.toUpperCase(), I.toUpperCase(), "PNG")).toBe(originalKey(U, I, "png"));
  });

  it("rejects anything that is not a UUID, a plain extension or a plain variant name", () => {
    const bad: (() => string)[] = [
      () => userPrefix(""),
      () => userPrefix("../admin"),
      () => userPrefix(`${U}/x`),
      () => originalKey(U, "not-a-uuid", "png"),
      () => originalKey(U, I, "p/ng"),
      () => originalKey(U, I, ""),
      () => variantKey(U, I, "../original.png"),
      () => variantKey(U, I, "original.png"),
      () => variantKey(U, I, "Thumb 256.webp"),
      () => variantKey(U, I, "thumb-256"),
      () => avatarKey(U, 0, 1),
      () => avatarKey(U, 64, -1),
      () => avatarKey(U, 64.5, 1),
      () => uploadKey(U, `${I}/..`, "png"),
      () => exportKey(U, I, "tar.gz"),
    ];
    for (const make of bad) expect(make, make.toString()).toThrow(StorageKeyError);
  });
});
