/** The patterns of Go's concurrency tutorials, written with Conduit the way a Java team would. */
package com.example.patterns;
