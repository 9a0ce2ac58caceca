package extract

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden dumps under testdata/golden")

// TestGoldenDumps compares the readable dump of each sample and variant with
// testdata/golden/NAME.dump. The dumps are reviewed by hand after -update;
// the hand-typed .figures tests hold the numbers themselves.
func TestGoldenDumps(t *testing.T) {
	docs, _ := filepath.Glob("../testdata/filings/*.txt")
	variants, _ := filepath.Glob("../testdata/variants/*.txt")
	for _, doc := range append(docs, variants...) {
		name := filepath.Base(doc)
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			Dump(&got, parseFile(t, doc))
			golden := filepath.Join("../testdata/golden", name+".dump")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("dump differs from %s; run with -update and review the diff", golden)
			}
			// Reading the same bytes again gives the same dump.
			var again bytes.Buffer
			Dump(&again, parseFile(t, doc))
			if !bytes.Equal(got.Bytes(), again.Bytes()) {
				t.Error("two reads of the same document differ")
			}
		})
	}
}
