import { afterEach, describe, expect, it } from "vitest";
import { filesRedirected, noteFileResponse, resetFileDeliveryForTests } from "./file-delivery";

const URL_ = "/api/images/00000000-0000-4000-8000-000000000001/file/thumb-256";
/** A Response as fetch() returns it: with the URL it finally came from. */
const answered = (url: string, init: ResponseInit = { status: 200 }) => {
  const res = new Response("img", init);
  Object.defineProperty(res, "url", { value: url });
  return res;
};

afterEach(() => {
  localStorage.clear();
  resetFileDeliveryForTests();
});

describe("file delivery", () => {
  it("learns from a download that ended on the bucket, and remembers it for the next page", () => {
    expect(filesRedirected()).toBe(false);
    noteFileResponse(URL_, answered("http://127.0.0.1:9000/bucket/u/i/thumb-256.webp?X-Amz-Signature=abc"));
    expect(filesRedirected()).toBe(true);
    resetFileDeliveryForTests(); // a new page
    expect(filesRedirected()).toBe(true);
  });

  it("forgets it when files come from the app's own route again (the server now streams them)", () => {
    localStorage.setItem("image-studio:files-redirected", "1");
    noteFileResponse(URL_, answered(`${location.origin}${URL_}`));
    expect(filesRedirected()).toBe(false);
    resetFileDeliveryForTests();
    expect(filesRedirected()).toBe(false);
  });

  it("learns nothing from a failed download or one the device answered (no URL)", () => {
    noteFileResponse(URL_, answered("http://bucket.example/x", { status: 403 }));
    noteFileResponse(URL_, new Response("img"));
    expect(filesRedirected()).toBe(false);
    localStorage.setItem("image-studio:files-redirected", "1");
    resetFileDeliveryForTests();
    noteFileResponse(URL_, new Response("img"));
    expect(filesRedirected()).toBe(true);
  });
});
