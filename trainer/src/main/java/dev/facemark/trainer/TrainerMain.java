package dev.facemark.trainer; public class TrainerMain { public static void main(String[] a){} }
