import type { Job, StyleTransferRequest } from "@image-studio/shared";
import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Slider } from "@/components/ui/slider";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/api";
import { uploadImage, useDerive } from "../api/iteration-api";
import { ImagePicker } from "./image-picker";
import { SourceDrop } from "./source-drop";

type Reference = { kind: "image"; id: string } | { kind: "file"; file: Blob; name: string; url: string };

async function upload(ref: Extract<Reference, { kind: "file" }>): Promise<string> {
  try {
    return (await uploadImage(ref.file, "style", ref.name)).uploadId;
  } catch (err) {
    toast.error("The reference could not be uploaded", {
      description: err instanceof ApiError ? err.message : "Please try again.",
    });
    throw err;
  }
}

/** Repaint this image in the style of a reference: one of your images, or a picture uploaded from the device. */
export function StyleTransferDialog({
  imageId,
  lockSeed: initialLock = false,
  open,
  onOpenChange,
  onQueued,
}: {
  imageId: string;
  /** Each job it starts (the studio follows it in its results). */
  onQueued?: (job: Job) => void;
  lockSeed?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [reference, setReference] = useState<Reference | null>(null);
  const [strength, setStrength] = useState(0.6);
  const [prompt, setPrompt] = useState("");
  const [lockSeed, setLockSeed] = useState(initialLock);
  const derive = useDerive(imageId, { onQueued });
  useEffect(() => () => void (reference?.kind === "file" && URL.revokeObjectURL(reference.url)), [reference]);

  const send = useMutation({
    mutationFn: async (ref: Reference) => {
      const style = ref.kind === "image" ? { styleImageId: ref.id } : { styleUploadId: await upload(ref) };
      const body: StyleTransferRequest = { ...style, strength, lockSeed, prompt: prompt.trim() || undefined };
      return derive.mutateAsync({ kind: "style-transfer", body });
    },
    onSuccess: () => onOpenChange(false),
  });
  const busy = send.isPending;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Style transfer</DialogTitle>
          <DialogDescription>Keep what this image shows, borrow the look of a reference picture.</DialogDescription>
        </DialogHeader>
        <Tabs defaultValue="gallery" className="flex flex-col gap-3">
          <TabsList>
            <TabsTrigger value="gallery">From my images</TabsTrigger>
            <TabsTrigger value="upload">Upload</TabsTrigger>
          </TabsList>
          <TabsContent value="gallery">
            <ImagePicker
              label="Style reference"
              exclude={imageId}
              value={reference?.kind === "image" ? reference.id : undefined}
              onPick={(id) => setReference({ kind: "image", id })}
            />
          </TabsContent>
          <TabsContent value="upload">
            {reference?.kind === "file" ? (
              <div className="relative self-start">
                <img src={reference.url} alt="Style reference" className="max-h-48 rounded-lg border border-border" />
                <Button
                  type="button"
                  size="icon"
                  variant="secondary"
                  aria-label="Remove the reference"
                  className="absolute top-1 right-1 size-7"
                  onClick={() => setReference(null)}
                >
                  <X aria-hidden="true" />
                </Button>
              </div>
            ) : (
              <SourceDrop onFile={(file, name) => setReference({ kind: "file", file, name, url: URL.createObjectURL(file) })} />
            )}
          </TabsContent>
        </Tabs>
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">Style strength: {Math.round(strength * 100)}%</span>
          <Slider
            aria-label="Style strength"
            min={0.05}
            max={1}
            step={0.05}
            value={[strength]}
            onValueChange={([v]) => setStrength(v ?? strength)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="style-prompt">Prompt (optional)</Label>
          <Textarea
            id="style-prompt"
            rows={2}
            placeholder="Empty: this image's prompt"
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <Switch checked={lockSeed} onCheckedChange={setLockSeed} aria-label="Keep the seed" /> Keep this image's seed
        </label>
        <DialogFooter>
          {!reference && <span className="mr-auto text-sm text-muted-foreground">Choose a style reference first.</span>}
          <Button disabled={!reference} loading={busy} onClick={() => reference && send.mutate(reference)}>
            Transfer style
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
