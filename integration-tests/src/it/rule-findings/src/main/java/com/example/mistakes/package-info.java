/** One mistake per Conduit rule, each of which must fail the build at its own line. */
package com.example.mistakes;
