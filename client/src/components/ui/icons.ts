import { spriteIcon } from "./icon";

/**
 * The sprite's icons under lucide's component names: the app shell and the gallery import these instead of
 * `lucide-react`'s, so the screens that stay open while you browse keep two elements per icon.
 */
export const Bot = spriteIcon("bot");
export const ChevronDown = spriteIcon("chevron-down");
export const BookText = spriteIcon("book-text");
export const AlertTriangle = spriteIcon("triangle-alert");
export const CloudOff = spriteIcon("cloud-off");
export const Coins = spriteIcon("coins");
export const Columns2 = spriteIcon("columns-2");
export const Columns3 = spriteIcon("columns-3");
export const Download = spriteIcon("download");
export const Expand = spriteIcon("expand");
export const FolderKanban = spriteIcon("folder-kanban");
export const Globe = spriteIcon("globe");
export const GripVertical = spriteIcon("grip-vertical");
export const Heart = spriteIcon("heart");
export const ImagePlus = spriteIcon("image-plus");
export const Images = spriteIcon("images");
export const Layers = spriteIcon("layers");
export const LayoutDashboard = spriteIcon("layout-dashboard");
export const LayoutGrid = spriteIcon("layout-grid");
export const List = spriteIcon("list");
export const ListChecks = spriteIcon("list-checks");
export const ListOrdered = spriteIcon("list-ordered");
export const LogOut = spriteIcon("log-out");
export const Menu = spriteIcon("menu");
export const Moon = spriteIcon("moon");
export const MoreHorizontal = spriteIcon("ellipsis");
export const PanelLeftClose = spriteIcon("panel-left-close");
export const PanelLeftOpen = spriteIcon("panel-left-open");
export const RefreshCw = spriteIcon("refresh-cw");
export const Save = spriteIcon("save");
export const Search = spriteIcon("search");
export const Settings = spriteIcon("settings");
export const Share = spriteIcon("share");
export const Share2 = spriteIcon("share-2");
export const ShieldCheck = spriteIcon("shield-check");
export const SlidersHorizontal = spriteIcon("sliders-horizontal");
export const Sparkles = spriteIcon("sparkles");
export const SquarePlus = spriteIcon("square-plus");
export const Star = spriteIcon("star");
export const Sun = spriteIcon("sun");
export const SunMoon = spriteIcon("sun-moon");
export const Users = spriteIcon("users");
export const X = spriteIcon("x");
