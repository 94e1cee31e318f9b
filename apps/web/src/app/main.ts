import { mount } from "svelte";
import App from "../components/App.svelte";
import { applyThemeEarly } from "../lib/theme.svelte";
import "../styles/theme.css";
import "../styles/app.css";

applyThemeEarly();
mount(App, { target: document.getElementById("app")! });
