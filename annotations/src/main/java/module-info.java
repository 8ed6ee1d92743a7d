/** Annotations that state Go's channel directions and context discipline for Conduit's checks. */
module dev.conduit.annotations {
  exports dev.conduit.annotations;
}
