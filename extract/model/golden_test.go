package model

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden dumps under testdata/golden")

// TestGoldenTimeline compares the readable dump of the samples' merged
// model with testdata/golden/model-samples.dump, reviewed by hand after
// -update. The hand-typed tests above hold the figures themselves.
func TestGoldenTimeline(t *testing.T) {
	var got bytes.Buffer
	for _, c := range Build(samples(t), Options{}) {
		Dump(&got, c)
	}
	const golden = "../../testdata/golden/model-samples.dump"
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract/model -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Error("model dump differs; run go test ./extract/model -run Golden -update and review the diff")
	}
}
