import { Link } from "@tanstack/react-router";
import { ArrowUpCircle, Columns2, Expand, GitFork, Layers, Paintbrush, Scissors, Shuffle } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useDerive } from "../api/iteration-api";
import { MaskEditorDialog } from "./mask-editor";
import { OutpaintDialog } from "./outpaint-dialog";
import { RemixDialog } from "./remix-dialog";
import type { IterableImage } from "./types";

type Dialogs = "remix" | "inpaint" | "outpaint" | null;

/** Variation, upscale, remix and background removal in one click; inpaint/outpaint, compare and the tree. */
export function QuickIterate({
  image,
  compact = false,
}: {
  image: IterableImage & { prompt: string };
  compact?: boolean;
}) {
  const derive = useDerive(image.id);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const close = (open: boolean) => !open && setDialog(null);
  const busy = derive.isPending;
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "variation", body: { count: 2 } })}
      >
        <Layers aria-hidden="true" /> Variation
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" disabled={busy}>
            <ArrowUpCircle aria-hidden="true" /> Upscale
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>Enlarge each side</DropdownMenuLabel>
          {([2, 4, 8] as const).map((scale) => (
            <DropdownMenuItem key={scale} onSelect={() => derive.mutate({ kind: "upscale", body: { scale } })}>
              {scale}× ({image.width * scale}×{image.height * scale})
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <Button variant="outline" size="sm" onClick={() => setDialog("remix")}>
        <Shuffle aria-hidden="true" /> Quick remix
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={busy}
        onClick={() => derive.mutate({ kind: "remove-background", body: {} })}
      >
        <Scissors aria-hidden="true" /> Remove background
      </Button>
      {!compact && (
        <>
          <Button variant="outline" size="sm" onClick={() => setDialog("inpaint")}>
            <Paintbrush aria-hidden="true" /> Inpaint
          </Button>
          <Button variant="outline" size="sm" onClick={() => setDialog("outpaint")}>
            <Expand aria-hidden="true" /> Outpaint
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link to="/compare" search={{ a: image.id }}>
              <Columns2 aria-hidden="true" /> Compare
            </Link>
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link to="/lineage/$imageId" params={{ imageId: image.id }}>
              <GitFork aria-hidden="true" /> Family tree
            </Link>
          </Button>
        </>
      )}
      <RemixDialog imageId={image.id} prompt={image.prompt} open={dialog === "remix"} onOpenChange={close} />
      {dialog === "inpaint" && <MaskEditorDialog image={image} open onOpenChange={close} />}
      {dialog === "outpaint" && <OutpaintDialog image={image} open onOpenChange={close} />}
    </>
  );
}
