import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { GuestUpgradeCard } from "@/features/account/components/guest-upgrade-card";
import { i18n } from "./index";

afterEach(cleanup);
afterEach(() => i18n.changeLanguage("en"));

const renderForm = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <GuestUpgradeCard />
    </QueryClientProvider>,
  );

/** Forms check their fields with the shared schemas; the messages are in the app's language. */
describe("form field errors in the app's language", () => {
  it("shows a schema's own messages in German, a parameter filled in (empty fields, nothing sent)", async () => {
    await i18n.changeLanguage("de");
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole("button", { name: "Mein Konto erstellen" }));
    expect(await screen.findByText("Geben Sie Ihren Namen ein")).toBeInTheDocument();
    expect(screen.getByText("Geben Sie Ihre E-Mail-Adresse ein")).toBeInTheDocument();
    expect(screen.getByText("Verwenden Sie mindestens 8 Zeichen")).toBeInTheDocument();
  });

  it("keeps the English text in English", async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole("button", { name: "Create my account" }));
    expect(await screen.findByText("Enter your name")).toBeInTheDocument();
    expect(screen.getByText("Enter your email address")).toBeInTheDocument();
  });
});
