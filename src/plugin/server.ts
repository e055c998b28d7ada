import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { ResourceProviderService, type IResourceProviderServer } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { makeContext, type ProviderContext } from "../runtime/context";
import { checkConfig, configDiff, configure, inPluginTerms } from "./config";
import { diffResponse } from "./diff";
import { invoke } from "./invoke";
import { fromStruct, toStruct, unwrapSecrets, wrapSecrets } from "./properties";
import { ResourceSteps } from "./resources";
import { configKeysHoldingSecrets, pluginVersion, schemaText } from "./schema";

/*
 * The plugin's gRPC service (pulumirpc.ResourceProvider) over the SDK's generated modules: each
 * method decodes its request, runs one step, and encodes the answer. What each step does is in
 * ./resources.ts (the lifecycles), ./config.ts (configuration) and ./invoke.ts.
 */

/**
 * A unary handler from an async function; a thrown error is the call's error, its message in the
 * plugin's terms (`connect-associations:region` where the shared code says `aws:region`).
 */
function unary<Req, Res>(step: (req: Req) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    step(call.request).then(
      (res) => callback(null, res),
      (e: unknown) =>
        callback(
          { code: grpc.status.UNKNOWN, details: inPluginTerms(e instanceof Error ? e.message : String(e)) },
          null,
        ),
    );
  };
}

function unimplemented(method: string): grpc.handleUnaryCall<unknown, never> {
  return (_call, callback) =>
    callback(
      { code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by this provider` },
      null,
    );
}

/** A running plugin server. */
export interface PluginServer {
  /** The loopback port it listens on. */
  port: number;
  /** Resolves when the engine calls Cancel. */
  cancelled: Promise<void>;
  /** Stops it: calls in flight finish first. */
  close(): Promise<void>;
}

/** The service's methods, with this provider process's context (one, built by Configure). */
export function providerService(onCancel: () => void = () => undefined): IResourceProviderServer {
  let ctx: ProviderContext | undefined;
  const current = () => (ctx ??= makeContext());
  const steps = new ResourceSteps(current);
  return {
    handshake: unimplemented("Handshake"),
    parameterize: unimplemented("Parameterize"),
    call: unimplemented("Call"),
    construct: unimplemented("Construct"),
    list: (call) => {
      call.emit("error", {
        code: grpc.status.UNIMPLEMENTED,
        details: "List is not implemented by this provider",
      });
    },
    getPluginInfo: unary(async () => new PluginInfo().setVersion(pluginVersion())),
    getSchema: unary(async () => new pb.GetSchemaResponse().setSchema(schemaText())),
    checkConfig: unary(async (req: pb.CheckRequest) => {
      const news = fromStruct(req.getNews());
      const { failures } = checkConfig(news);
      // A key holding a secret property goes back secret as a whole, its inner wrappers removed.
      const { value } = unwrapSecrets(news);
      const secretKeys = configKeysHoldingSecrets(value);
      const plainKeys = Object.fromEntries(secretKeys.map((k) => [k, value[k]]));
      const inputs = wrapSecrets(
        { ...news, ...plainKeys },
        secretKeys.map((k) => [k]),
      );
      const res = new pb.CheckResponse().setInputs(toStruct(inputs));
      res.setFailuresList(
        failures.map((f) => new pb.CheckFailure().setProperty(f.property).setReason(f.reason)),
      );
      return res;
    }),
    diffConfig: unary(async (req: pb.DiffRequest) => {
      const olds = req.getOldInputs()?.getFieldsMap().getLength() ? req.getOldInputs() : req.getOlds();
      return diffResponse(configDiff(fromStruct(olds), fromStruct(req.getNews())));
    }),
    configure: unary(async (req: pb.ConfigureRequest) => {
      const variables = new Map(req.getVariablesMap().getEntryList());
      ctx = makeContext(configure(variables, fromStruct(req.getArgs())));
      return new pb.ConfigureResponse()
        .setAcceptsecrets(true)
        .setAcceptresources(true)
        .setSupportspreview(true)
        .setAcceptoutputs(false);
    }),
    check: unary(async (req: pb.CheckRequest) => {
      const r = await steps.check(req.getUrn(), req.getOlds(), req.getNews());
      const res = new pb.CheckResponse().setInputs(toStruct(r.inputs));
      res.setFailuresList(
        r.failures.map((f) => new pb.CheckFailure().setProperty(f.property).setReason(f.reason)),
      );
      return res;
    }),
    diff: unary(async (req: pb.DiffRequest) =>
      diffResponse(
        await steps.diff(req.getId(), req.getUrn(), req.getOlds(), req.getNews(), req.getOldInputs()),
      ),
    ),
    create: unary(async (req: pb.CreateRequest) => {
      const r = await steps.create(req.getUrn(), req.getProperties(), req.getPreview());
      return new pb.CreateResponse().setId(r.id).setProperties(toStruct(r.properties));
    }),
    read: unary(async (req: pb.ReadRequest) => {
      const r = await steps.read(req.getId(), req.getUrn(), req.getProperties(), req.getInputs());
      return new pb.ReadResponse()
        .setId(r.id)
        .setProperties(toStruct(r.properties))
        .setInputs(toStruct(r.inputs));
    }),
    update: unary(async (req: pb.UpdateRequest) => {
      const outs = await steps.update(
        req.getId(),
        req.getUrn(),
        req.getOlds(),
        req.getNews(),
        req.getPreview(),
      );
      return new pb.UpdateResponse().setProperties(toStruct(outs));
    }),
    delete: unary(async (req: pb.DeleteRequest) => {
      await steps.delete(req.getId(), req.getUrn(), req.getProperties());
      return new Empty();
    }),
    invoke: unary(async (req: pb.InvokeRequest) => {
      const result = await invoke(req.getTok(), fromStruct(req.getArgs()), current().settings);
      return new pb.InvokeResponse().setReturn(toStruct(result));
    }),
    cancel: unary(async () => {
      onCancel();
      return new Empty();
    }),
    attach: unary(async () => new Empty()),
    getMapping: unary(async () => new pb.GetMappingResponse().setProvider("").setData("")),
    getMappings: unary(async () => new pb.GetMappingsResponse().setProvidersList([])),
  };
}

/** Starts the service on 127.0.0.1 (`port` 0: any free port, as the plugin protocol wants). */
export async function startPluginServer(port = 0): Promise<PluginServer> {
  let cancel: () => void = () => undefined;
  const cancelled = new Promise<void>((resolve) => (cancel = resolve));
  // The engine sends whole states in one message; gRPC's 4 MB default is too small for large ones.
  const server = new grpc.Server({
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  server.addService(ResourceProviderService, providerService(cancel));
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  );
  return {
    port: bound,
    cancelled,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
      }),
  };
}
