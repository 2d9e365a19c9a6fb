import {
  type Activators,
  type ClientRect,
  closestCenter,
  type CollisionDetection,
  type KeyboardSensorOptions,
  pointerWithin,
  type SensorInstance,
  type SensorProps,
} from "@dnd-kit/core";

/**
 * Pointer and touch: the target under the finger or cursor. Keyboard: the target whose centre lies inside the
 * dragged preview (so picking an image up is over nothing, not over "the nearest project").
 */
export const detectTarget: CollisionDetection = (args) => {
  if (args.pointerCoordinates) return pointerWithin(args);
  const r = args.collisionRect;
  const inside = args.droppableContainers.filter((c) => {
    const rect = args.droppableRects.get(c.id);
    if (!rect) return false;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    return x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height;
  });
  return closestCenter({ ...args, droppableContainers: inside });
};

const START = ["Space", "Enter"];
const NEXT = ["ArrowDown", "ArrowRight"];
const PREV = ["ArrowUp", "ArrowLeft"];

/**
 * Keyboard dragging between drop targets: Space/Enter picks up, the arrow keys jump to the next or previous
 * target (top to bottom), Space/Enter drops, Escape cancels. dnd-kit's own KeyboardSensor nudges the preview 25px
 * per key press and scrolls the page when it nears an edge, which is no way to cross from the gallery to the
 * sticky side bar.
 */
export class TargetKeyboardSensor implements SensorInstance {
  autoScrollEnabled = false;
  private origin: { x: number; y: number } | null = null;
  private readonly doc: Document;
  private readonly win: Window;

  constructor(private readonly props: SensorProps<KeyboardSensorOptions>) {
    const target = props.event.target as Node | null;
    this.doc = target?.ownerDocument ?? document;
    this.win = this.doc.defaultView ?? window;
    this.onKeyDown = this.onKeyDown.bind(this);
    this.cancel = this.cancel.bind(this);
    props.onStart({ x: 0, y: 0 });
    this.win.addEventListener("resize", this.cancel);
    this.doc.addEventListener("visibilitychange", this.cancel);
    // After this tick, so the key press that picked the image up does not also drop it.
    setTimeout(() => this.doc.addEventListener("keydown", this.onKeyDown));
  }

  static activators: Activators<KeyboardSensorOptions> = [
    {
      eventName: "onKeyDown",
      handler: (event: React.KeyboardEvent, { onActivation }, { active }) => {
        if (!START.includes(event.nativeEvent.code)) return false;
        if (active.activatorNode.current && event.target !== active.activatorNode.current) return false;
        event.preventDefault();
        onActivation?.({ event: event.nativeEvent });
        return true;
      },
    },
  ];

  private onKeyDown(event: KeyboardEvent) {
    const { code } = event;
    if (START.includes(code)) return this.finish(event, () => this.props.onEnd());
    if (code === "Escape") return this.finish(event, () => this.props.onCancel());
    if (code === "Tab") return event.preventDefault();
    const forward = NEXT.includes(code);
    if (!forward && !PREV.includes(code)) return;
    event.preventDefault();
    const { collisionRect } = this.props.context.current;
    if (!collisionRect) return;
    this.origin ??= { x: collisionRect.left, y: collisionRect.top };
    const rect = this.nextTarget(forward);
    if (!rect) return;
    this.props.onMove({
      x: rect.left + rect.width / 2 - collisionRect.width / 2 - this.origin.x,
      y: rect.top + rect.height / 2 - collisionRect.height / 2 - this.origin.y,
    });
  }

  private nextTarget(forward: boolean): ClientRect | undefined {
    const { droppableContainers, droppableRects, over } = this.props.context.current;
    const targets = droppableContainers
      .getEnabled()
      .flatMap((c) => {
        const rect = droppableRects.get(c.id);
        return rect && rect.width > 0 ? [{ id: c.id, rect }] : [];
      })
      .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
    if (!targets.length) return undefined;
    const at = targets.findIndex((t) => t.id === over?.id);
    const next = at === -1 ? (forward ? 0 : targets.length - 1) : (at + (forward ? 1 : -1) + targets.length) % targets.length;
    return targets[next]!.rect;
  }

  private cancel() {
    this.detach();
    this.props.onCancel();
  }

  private finish(event: KeyboardEvent, then: () => void) {
    event.preventDefault();
    this.detach();
    then();
  }

  private detach() {
    this.doc.removeEventListener("keydown", this.onKeyDown);
    this.win.removeEventListener("resize", this.cancel);
    this.doc.removeEventListener("visibilitychange", this.cancel);
  }
}
