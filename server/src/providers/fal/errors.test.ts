import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../types";
import { falFieldIssues, mapFalError } from "./errors";

const api = (status: number, body?: unknown, timeoutType?: string) =>
  new ApiError({ message: "reason", status, body, timeoutType });

describe("mapFalError", () => {
  it.each([
    [429, "rate_limited", true],
    [500, "unavailable", true],
    [502, "unavailable", true],
    [503, "unavailable", true],
    [504, "timeout", true],
    [401, "auth", false],
    [404, "not_found", false],
    [422, "validation", false],
    [400, "validation", false],
    [418, "internal", false],
  ] as const)("HTTP %i → %s (retryable %s)", (status, kind, retryable) => {
    const err = mapFalError(api(status, { detail: "x" }), "result");
    expect(err).toBeInstanceOf(ProviderError);
    expect({ kind: err.kind, retryable: err.retryable }).toEqual({ kind, retryable });
  });

  it("tells an exhausted balance from other 403s", () => {
    const balance = mapFalError(
      api(403, {
        detail: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
      }),
      "submit",
    );
    expect(balance).toMatchObject({
      kind: "balance",
      message: "fal.ai balance exhausted — top up at fal.ai/dashboard/billing",
    });
    const other = mapFalError(api(403, { detail: "This model is restricted" }), "submit");
    expect(other).toMatchObject({ kind: "auth", message: "fal.ai refused the request: This model is restricted" });
  });

  it("turns a 422 detail list into field messages under our parameter names", () => {
    const body = {
      detail: [
        {
          loc: ["body", "guidance_scale"],
          msg: "ensure this value is less than or equal to 20",
          type: "value_error.number.not_le",
        },
        { loc: ["body", "image_size", "width"], msg: "must be a multiple of 8", type: "value_error" },
        { loc: ["body", "mystery_field"], msg: "bad", type: "value_error" },
      ],
    };
    const err = mapFalError(new ValidationError({ message: "Unprocessable Entity", status: 422, body }), "result");
    expect(err.message).toBe(
      "fal.ai rejected the request — guidanceScale: ensure this value is less than or equal to 20; size.width: must be a multiple of 8; mystery_field: bad",
    );
    expect(falFieldIssues(body).map((i) => i.field)).toEqual(["guidanceScale", "size.width", "mystery_field"]);
  });

  it("handles a string detail and an empty body", () => {
    expect(mapFalError(api(422, { detail: "Image too large" }), "result").message).toBe(
      "fal.ai rejected the request — Image too large",
    );
    expect(mapFalError(api(422, undefined), "result").message).toBe("fal.ai rejected the request — invalid input");
  });

  it("recognises content policy violations by type or by wording", () => {
    const typed = { detail: [{ loc: ["body", "prompt"], msg: "flagged", type: "content_policy_violation" }] };
    expect(mapFalError(api(422, typed), "result")).toMatchObject({ kind: "content_policy", retryable: false });
    expect(mapFalError(api(400, { detail: "Prompt violates our content policy" }), "result").kind).toBe(
      "content_policy",
    );
  });

  it("says whether a 404 is an unknown model or an unknown request", () => {
    expect(mapFalError(api(404, { detail: "Application 'x' not found" }), "submit", "fal-ai/x").message).toMatch(
      /does not know the model endpoint "fal-ai\/x"/,
    );
    expect(mapFalError(api(404, { detail: "Request not found" }), "status").message).toBe(
      "fal.ai has no record of this request (it may have expired)",
    );
  });

  it("timeouts: infrastructure 504s, start timeouts, error_type on other statuses", () => {
    expect(
      mapFalError(api(504, { detail: "Request timed out", error_type: "request_timeout" }), "result").message,
    ).toBe("fal.ai timed out; it will be retried.");
    expect(mapFalError(api(504, {}, "user"), "result").message).toBe(
      "fal.ai did not start in time; it will be retried.",
    );
    expect(mapFalError(api(503, { error_type: "startup_timeout" }), "result").kind).toBe("timeout");
  });

  it("network failures and aborts are retryable; programming errors are not", () => {
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    expect(mapFalError(refused, "submit")).toMatchObject({
      kind: "unavailable",
      retryable: true,
      message: "Could not reach fal.ai (ECONNREFUSED); it will be retried.",
    });
    expect(mapFalError(new DOMException("The operation timed out", "TimeoutError"), "status")).toMatchObject({
      kind: "timeout",
      retryable: true,
    });
    expect(mapFalError(new Error("cannot read properties of undefined"), "result")).toMatchObject({
      kind: "internal",
      retryable: false,
    });
  });

  it("passes ProviderErrors through unchanged", () => {
    const original = new ProviderError("validation", "x", false);
    expect(mapFalError(original, "submit")).toBe(original);
  });
});
