/** Formatting a file or a range: indentation and spacing, never reflow. */
package pearl.lua.ide.format;
