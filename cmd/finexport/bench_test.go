package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/extract/synthetic"
	"finexport/pdfreport"
	"finexport/workbook"
)

// BenchmarkBatch runs finexport build on generated releases of 100
// companies: the cost per release shows how the batch grows.
func BenchmarkBatch(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		b.Run(fmt.Sprintf("releases=%d", n), func(b *testing.B) {
			in := b.TempDir()
			var size int64
			for _, d := range synthetic.Generate(1, 100, n) {
				if err := os.WriteFile(filepath.Join(in, d.Name), d.Data, 0o644); err != nil {
					b.Fatal(err)
				}
				size += int64(len(d.Data))
			}
			b.SetBytes(size)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(b.TempDir(), "out")
				if code := run([]string{"build", "-quiet", "-o", out, in}, os.Stdout, os.Stderr); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/release")
		})
	}
}

// BenchmarkHugeRelease takes a 20 MB release with 100,000 table rows
// through every output, and reports the peak memory the runtime took.
func BenchmarkHugeRelease(b *testing.B) {
	doc := synthetic.Big(1, 100000, 170)
	b.SetBytes(int64(len(doc.Data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := (&extract.Parser{MaxSize: 64 << 20}).Parse(bytes.NewReader(doc.Data), doc.Name)
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range model.Build([]*extract.Filing{f}, model.Options{}) {
			if err := workbook.Write(io.Discard, c); err != nil {
				b.Fatal(err)
			}
			if err := pdfreport.Write(io.Discard, c, pdfreport.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys>>20), "MB-runtime")
}

// peakMemory samples the memory the Go runtime holds from the system
// (mapped and not returned) while work runs, and returns its peak: close
// to the process's resident size, without a second process.
func peakMemory(work func()) uint64 {
	debug.FreeOSMemory()
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	held := func() uint64 {
		metrics.Read(samples)
		return samples[0].Value.Uint64() - samples[1].Value.Uint64()
	}
	peak := held()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				peak = max(peak, held())
			}
		}
	}()
	work()
	close(done)
	wg.Wait()
	return max(peak, held())
}

// BenchmarkBigTable runs facts, check and build on one release of a single
// long table at three sizes: the time per byte and the peak memory per
// input byte stay about flat as the release grows (item 4 of the hostile
// input issue). Run with -benchtime 1x.
func BenchmarkBigTable(b *testing.B) {
	for _, cmd := range []string{"facts", "check", "build"} {
		for _, rows := range []int{9000, 18000, 36000} {
			b.Run(fmt.Sprintf("%s/rows=%d", cmd, rows), func(b *testing.B) {
				doc := synthetic.Big(1, rows, 170)
				in := filepath.Join(b.TempDir(), doc.Name)
				if err := os.WriteFile(in, doc.Data, 0o644); err != nil {
					b.Fatal(err)
				}
				args := []string{cmd, in}
				if cmd == "build" {
					args = []string{cmd, "-quiet", "-o", filepath.Join(b.TempDir(), "out"), in}
				}
				b.SetBytes(int64(len(doc.Data)))
				b.ResetTimer()
				var peak uint64
				for i := 0; i < b.N; i++ {
					peak = max(peak, peakMemory(func() {
						if code := run(args, io.Discard, io.Discard); code == exitUsage {
							b.Fatalf("exit %d", code)
						}
					}))
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
				b.ReportMetric(float64(peak)/float64(len(doc.Data)), "peak/input")
			})
		}
	}
}

// BenchmarkSamples runs build on the three sample releases in process;
// BenchmarkSamplesFloor does what a floor program does with the same
// files: reads them, scans every byte and writes as many bytes as build
// writes. Their ratio is build's cost over the floor's, without the
// process start (which the README measures separately).
func BenchmarkSamples(b *testing.B) {
	for b.Loop() {
		out := filepath.Join(b.TempDir(), "out")
		if code := run([]string{"build", "-quiet", "-o", out, "../../testdata/filings"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkSamplesFloor(b *testing.B) {
	out := filepath.Join(b.TempDir(), "out")
	if code := run([]string{"build", "-quiet", "-o", out, "../../testdata/filings"}, io.Discard, io.Discard); code != 0 {
		b.Fatalf("exit %d", code)
	}
	var written int64
	for _, name := range []string{"ThermoGenesis Corp.xlsx", "ThermoGenesis Corp.pdf"} {
		st, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			b.Fatal(err)
		}
		written += st.Size()
	}
	files, err := filepath.Glob("../../testdata/filings/*.txt")
	if err != nil || len(files) != 3 {
		b.Fatalf("samples: %v %v", files, err)
	}
	for b.Loop() {
		var sum byte
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			for _, c := range data {
				sum += c
			}
		}
		buf := make([]byte, written)
		buf[0] = sum
		if err := os.WriteFile(filepath.Join(b.TempDir(), "floor.bin"), buf, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}
