import { useState } from "react";
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
import { Textarea } from "@/components/ui/textarea";
import { useDerive } from "../api/iteration-api";

/** Image-to-image from this picture with a new (or the same) prompt. */
export function RemixDialog({
  imageId,
  prompt: initial,
  open,
  onOpenChange,
}: {
  imageId: string;
  prompt: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [prompt, setPrompt] = useState(initial);
  const [strength, setStrength] = useState(0.6);
  const [lockSeed, setLockSeed] = useState(false);
  const derive = useDerive(imageId);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Remix</DialogTitle>
          <DialogDescription>Start from this image and steer it with a new prompt.</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="remix-prompt">Prompt</Label>
          <Textarea id="remix-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} rows={3} />
        </div>
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">Change: {Math.round(strength * 100)}%</span>
          <Slider
            aria-label="How much to change"
            min={0.05}
            max={1}
            step={0.05}
            value={[strength]}
            onValueChange={([v]) => setStrength(v ?? strength)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <Switch checked={lockSeed} onCheckedChange={setLockSeed} aria-label="Keep the seed" /> Keep this image's seed
        </label>
        <DialogFooter>
          <Button
            loading={derive.isPending}
            onClick={() =>
              derive.mutate(
                { kind: "remix", body: { prompt: prompt.trim() || undefined, strength, lockSeed } },
                { onSuccess: () => onOpenChange(false) },
              )
            }
          >
            Remix
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
