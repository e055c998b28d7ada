// sdkgen writes the Node.js or Python SDK of a Pulumi package schema with the SDK generators of
// github.com/pulumi/pulumi/pkg/v3, the same code that `pulumi package gen-sdk` runs in the
// official language hosts. The language hosts that can be built here are too old to answer
// gen-sdk, so scripts/ensure-pulumi builds this program instead (`scripts/ensure-pulumi sdkgen`).
//
//	pulumi-sdkgen --schema schema.json --language nodejs|python --out DIR [--version X.Y.Z]
//
// The schema must be self-contained: it may not refer to other packages' types or resources,
// since this program loads no plugins (the machines it runs on cannot download any).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-sdkgen"

// noPackages is the loader the generators are given: they need a non-nil one, and call it only for
// packages that the schema refers to.
type noPackages struct{}

func refuse(name string) error {
	return fmt.Errorf("the schema refers to package %q; %s loads no other packages", name, tool)
}

func (noPackages) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, refuse(pkg)
}

func (noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, refuse(d.Name)
}

func (noPackages) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, refuse(pkg)
}

func (noPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, refuse(d.Name)
}

func main() {
	schemaPath := flag.String("schema", "", "the package schema (JSON)")
	language := flag.String("language", "", "nodejs or python")
	out := flag.String("out", "", "the folder to write the SDK to (created; existing files are overwritten)")
	version := flag.String("version", "", "the package version to write into the SDK, instead of the schema's")
	flag.Parse()
	if *schemaPath == "" || *out == "" || (*language != "nodejs" && *language != "python") || flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "usage: %s --schema schema.json --language nodejs|python --out DIR [--version X.Y.Z]\n", tool)
		os.Exit(2)
	}
	if err := run(*schemaPath, *language, *out, *version); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", tool, err)
		os.Exit(1)
	}
}

func run(schemaPath, language, out, version string) error {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	loader := noPackages{}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	for _, d := range diags {
		fmt.Fprintf(os.Stderr, "%s: %s\n", schemaPath, d.Error())
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s is not a valid package schema", schemaPath)
	}
	if version != "" {
		v, err := semver.Parse(version)
		if err != nil {
			return fmt.Errorf("--version %q: %w", version, err)
		}
		pkg.Version = &v
	}

	var files map[string][]byte
	switch language {
	case "nodejs":
		files, err = nodejs.GeneratePackage(tool, pkg, nil, nil, false, loader)
	case "python":
		files, err = python.GeneratePackage(tool, pkg, nil, loader)
	}
	if err != nil {
		return fmt.Errorf("generating the %s SDK: %w", language, err)
	}

	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "%s: wrote %d files of the %s SDK of %s to %s\n", tool, len(names), language, pkg.Name, out)
	return nil
}
