//go:build race

package main

// raceBuild is true under the race detector, which makes huge inputs
// too slow for a test: they shrink there (benchmarks keep them whole).
const raceBuild = true
