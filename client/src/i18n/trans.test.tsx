import { render, screen } from "@testing-library/react";
import { Trans, useTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";

function NewHere() {
  const { t } = useTranslation("auth");
  return (
    <p>
      <Trans t={t} i18nKey="signIn.newHere" components={{ a: <a href="/sign-up" /> }} />
    </p>
  );
}

describe("<Trans> with the catalog", () => {
  it("renders a link inside a sentence with its text", () => {
    render(<NewHere />);
    const link = screen.getByRole("link", { name: "Create an account" });
    expect(link.getAttribute("href")).toBe("/sign-up");
    expect(link.parentElement?.textContent).toBe("New to Image Studio? Create an account");
  });
});
