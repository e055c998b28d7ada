import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { startPluginServer, type PluginServer } from "../../src/plugin/server";

/** The engine's unknown value and secret signature, written here as the engine's protocol defines them. */
export const ENGINE_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const secret = (value: unknown): object => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  value,
});

export const urnOf = (type: string, name = "r"): string =>
  `urn:pulumi:test::plugin-test::connect-associations:index:${type}::${name}`;

export const struct = (v: Record<string, unknown>): Struct => Struct.fromJavaScript(v as never);
export const plain = (s: Struct | undefined): Record<string, unknown> =>
  (s?.toJavaScript() ?? {}) as Record<string, unknown>;

type Callback<Res> = (e: grpc.ServiceError | null, r: Res) => void;

/** A server started in this process and a generated gRPC client of it, every call as a Promise. */
export class PluginUnderTest {
  private constructor(
    readonly server: PluginServer,
    private readonly client: ResourceProviderClient,
  ) {}

  static async start(): Promise<PluginUnderTest> {
    const server = await startPluginServer();
    const client = new ResourceProviderClient(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
    return new PluginUnderTest(server, client);
  }

  private call<Req, Res>(method: (req: Req, cb: Callback<Res>) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) =>
      method.call(this.client, req, (e: grpc.ServiceError | null, r: Res) => (e ? reject(e) : resolve(r))),
    );
  }

  async configure(
    args: Record<string, unknown>,
    variables: Record<string, string> = {},
  ): Promise<pb.ConfigureResponse> {
    const req = new pb.ConfigureRequest()
      .setArgs(struct(args))
      .setAcceptsecrets(true)
      .setAcceptresources(true);
    for (const [k, v] of Object.entries(variables)) req.getVariablesMap().set(k, v);
    return this.call(this.client.configure, req);
  }

  checkConfig(news: Record<string, unknown>): Promise<pb.CheckResponse> {
    const req = new pb.CheckRequest().setUrn(
      "urn:pulumi:test::plugin-test::pulumi:providers:connect-associations::p",
    );
    return this.call(this.client.checkConfig, req.setOlds(struct({})).setNews(struct(news)));
  }

  diffConfig(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pb.DiffResponse> {
    const req = new pb.DiffRequest().setUrn(
      "urn:pulumi:test::plugin-test::pulumi:providers:connect-associations::p",
    );
    return this.call(
      this.client.diffConfig,
      req.setOlds(struct(olds)).setOldInputs(struct(olds)).setNews(struct(news)),
    );
  }

  check(
    urn: string,
    news: Record<string, unknown>,
    olds: Record<string, unknown> = {},
  ): Promise<pb.CheckResponse> {
    return this.call(
      this.client.check,
      new pb.CheckRequest().setUrn(urn).setOlds(struct(olds)).setNews(struct(news)),
    );
  }

  diff(
    urn: string,
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    oldInputs: Record<string, unknown> = {},
  ): Promise<pb.DiffResponse> {
    const req = new pb.DiffRequest().setUrn(urn).setId(id).setOlds(struct(olds)).setNews(struct(news));
    return this.call(this.client.diff, req.setOldInputs(struct(oldInputs)));
  }

  create(urn: string, properties: Record<string, unknown>, preview = false): Promise<pb.CreateResponse> {
    const req = new pb.CreateRequest().setUrn(urn).setProperties(struct(properties)).setPreview(preview);
    return this.call(this.client.create, req);
  }

  read(
    urn: string,
    id: string,
    properties: Record<string, unknown> = {},
    inputs: Record<string, unknown> = {},
  ): Promise<pb.ReadResponse> {
    const req = new pb.ReadRequest().setUrn(urn).setId(id).setProperties(struct(properties));
    return this.call(this.client.read, req.setInputs(struct(inputs)));
  }

  update(
    urn: string,
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    preview = false,
  ): Promise<pb.UpdateResponse> {
    const req = new pb.UpdateRequest().setUrn(urn).setId(id).setOlds(struct(olds)).setNews(struct(news));
    return this.call(this.client.update, req.setOldInputs(struct(olds)).setPreview(preview));
  }

  delete(urn: string, id: string, properties: Record<string, unknown>): Promise<Empty> {
    return this.call(
      this.client.delete,
      new pb.DeleteRequest().setUrn(urn).setId(id).setProperties(struct(properties)),
    );
  }

  invoke(tok: string, args: Record<string, unknown>): Promise<pb.InvokeResponse> {
    return this.call(this.client.invoke, new pb.InvokeRequest().setTok(tok).setArgs(struct(args)));
  }

  getSchema(): Promise<pb.GetSchemaResponse> {
    return this.call(this.client.getSchema, new pb.GetSchemaRequest());
  }

  getPluginInfo(): Promise<import("@pulumi/pulumi/proto/plugin_pb").PluginInfo> {
    return this.call(this.client.getPluginInfo, new Empty());
  }

  async close(): Promise<void> {
    this.client.close();
    await this.server.close();
  }
}

/** The detailed diff of a DiffResponse as `{ property: kind name }`. */
export function kinds(res: pb.DiffResponse): Record<string, string> {
  const names = Object.fromEntries(Object.entries(pb.PropertyDiff.Kind).map(([k, v]) => [v, k]));
  const out: Record<string, string> = {};
  res.getDetaileddiffMap().forEach((d, k) => (out[k] = names[d.getKind()] ?? "?"));
  return out;
}
