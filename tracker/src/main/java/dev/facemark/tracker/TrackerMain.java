package dev.facemark.tracker; public class TrackerMain { public static void main(String[] a){} }
