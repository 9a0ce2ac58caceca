// Command gen writes synthetic earnings releases to a folder, for timing
// finexport on many releases:
//
//	go run ./extract/synthetic/gen -o /tmp/releases -releases 5000 -companies 100
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"finexport/extract/synthetic"
)

func main() {
	out := flag.String("o", "releases", "write the releases to `DIR`")
	releases := flag.Int("releases", 5000, "how many releases")
	companies := flag.Int("companies", 100, "how many companies (at most 192)")
	seed := flag.Int64("seed", 1, "random seed: the same seed gives the same releases")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range synthetic.Generate(*seed, *companies, *releases) {
		if err := os.WriteFile(filepath.Join(*out, d.Name), d.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
