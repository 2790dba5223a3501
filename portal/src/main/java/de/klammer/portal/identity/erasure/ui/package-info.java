/** Views of erasure and rectification requests: the DPO workbench and the request form. */
@NullMarked
package de.klammer.portal.identity.erasure.ui;

import org.jspecify.annotations.NullMarked;
