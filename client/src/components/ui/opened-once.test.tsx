import { act, fireEvent, render, screen } from "@testing-library/react";
import { Profiler, useState } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "./dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "./dropdown-menu";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";
import { Select, SelectTrigger, SelectValue } from "./select";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "./sheet";
import { Switch } from "./switch";
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "./tooltip";

/** What a page's first render holds: closed overlays (a menu, a popover, a dialog, a sheet, a tooltip), a select, a switch. */
function ClosedOverlays() {
  return (
    <TooltipProvider>
      <DropdownMenu>
        <DropdownMenuTrigger>Menu</DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem>Item</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Popover>
        <PopoverTrigger>Popover</PopoverTrigger>
        <PopoverContent>Popover body</PopoverContent>
      </Popover>
      <Dialog>
        <DialogTrigger>Dialog</DialogTrigger>
        <DialogContent>
          <DialogTitle>Dialog title</DialogTitle>
          <DialogDescription>Dialog body</DialogDescription>
        </DialogContent>
      </Dialog>
      <Sheet>
        <SheetTrigger>Sheet</SheetTrigger>
        <SheetContent>
          <SheetTitle>Sheet title</SheetTitle>
        </SheetContent>
      </Sheet>
      <Tooltip>
        <TooltipTrigger>Tip</TooltipTrigger>
        <TooltipContent>Tooltip body</TooltipContent>
      </Tooltip>
      {/* A closed Select's content still renders its items (into a fragment: the value's text comes from them), each
          registering itself from a layout effect; the gallery's sort menu names its value and mounts them on first use. */}
      <Select defaultValue="a">
        <SelectTrigger aria-label="Order">
          <SelectValue>First</SelectValue>
        </SelectTrigger>
      </Select>
      <Switch aria-label="A filter" />
    </TooltipProvider>
  );
}

describe("closed overlays", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("mount in one commit: nothing they render sets state synchronously inside it", () => {
    // Outside act(), as in the browser: a synchronous update from the commit (Radix's Presence in a closed portal, an
    // anchor or trigger set from a callback ref) renders again before flushSync returns; transitions wait for the
    // scheduler, which cannot run before the count is read.
    vi.stubGlobal("IS_REACT_ACT_ENVIRONMENT", false);
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    const commits: string[] = [];
    flushSync(() =>
      root.render(
        <Profiler id="overlays" onRender={(_id, phase) => commits.push(phase)}>
          <ClosedOverlays />
        </Profiler>,
      ),
    );
    expect(commits).toEqual(["mount"]);
    root.unmount();
    container.remove();
  });
});

describe("an overlay's parts from its first opening", () => {
  it("open when asked, stay mounted after closing (the exit animation plays), and still report open changes", async () => {
    const onOpenChange = vi.fn();
    render(
      <Popover onOpenChange={onOpenChange}>
        <PopoverTrigger>Details</PopoverTrigger>
        <PopoverContent>Popover body</PopoverContent>
      </Popover>,
    );
    expect(document.querySelector("[data-slot=popover-content]")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(await screen.findByText("Popover body")).toBeTruthy();
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    fireEvent.keyDown(screen.getByText("Popover body"), { key: "Escape" });
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole("button", { name: "Details" }).getAttribute("aria-expanded")).toBe("false");
  });

  it("follow a controlled open prop, and open from defaultOpen", async () => {
    function Controlled() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Open from outside
          </button>
          <Dialog open={open} onOpenChange={setOpen}>
            <DialogContent>
              <DialogTitle>Controlled dialog</DialogTitle>
              <DialogDescription>Body</DialogDescription>
            </DialogContent>
          </Dialog>
          <DropdownMenu defaultOpen>
            <DropdownMenuTrigger>Open at start</DropdownMenuTrigger>
            <DropdownMenuContent>
              <DropdownMenuItem>Started open</DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </>
      );
    }
    render(<Controlled />);
    expect(await screen.findByText("Started open")).toBeTruthy();
    expect(screen.queryByText("Controlled dialog")).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByText("Open from outside"));
    });
    expect(await screen.findByRole("dialog", { name: "Controlled dialog" })).toBeTruthy();
  });
});
