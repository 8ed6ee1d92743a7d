/** Mistakes that Conduit's rules can fix mechanically with Error Prone's patching. */
package com.example.fixme;
