import { TEST_CREDENTIALS } from "./helpers/emulator";

// Tests talk only to the emulator: give the SDK's default chain test credentials (never a real
// key), and keep the SDK's Node-version notice out of the output.
process.env["AWS_ACCESS_KEY_ID"] = TEST_CREDENTIALS.accessKeyId;
process.env["AWS_SECRET_ACCESS_KEY"] = TEST_CREDENTIALS.secretAccessKey;
delete process.env["AWS_SESSION_TOKEN"];
delete process.env["AWS_PROFILE"];
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
