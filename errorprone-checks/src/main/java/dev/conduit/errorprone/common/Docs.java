package dev.conduit.errorprone.common;

/** Where each check's page lives; every finding links to it. */
public final class Docs {

  /**
   * The folder of the check pages, relative to the root of Conduit's repository (and of its source
   * distribution). Each page is named after its check: {@code LostCancel.md}.
   */
  public static final String PAGES = "docs/checks/";

  private Docs() {}
}
