import { mount } from "svelte";
import App from "../components/App.svelte";
import { applyThemeEarly } from "../lib/theme.svelte";

applyThemeEarly();
mount(App, { target: document.getElementById("app")! });
